import { getCollectionProps, getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { DEFAULT_TIME_ZONE, SIZE_BANDS, TIME_ZONES } from "~/models/organization-options";
import { zoneName } from "~/utils/time-zone";

export type OrganizationFormValue = {
  name: string;
  region: string;
  sizeBand: string;
  timeZone: string;
  impactedLed: boolean;
  languages: string;
  focusFreedomIds: string[];
};

export type OrganizationFormFields = {
  name: FieldMetadata<string>;
  region: FieldMetadata<string>;
  sizeBand: FieldMetadata<string>;
  timeZone: FieldMetadata<string>;
  impactedLed: FieldMetadata<boolean>;
  languages: FieldMetadata<string>;
  focusFreedomIds: FieldMetadata<string[]>;
};

/** The region picker's choices: regions grouped by macro-region, names in the reader's language. */
export type RegionChoiceGroup = { macroRegion: string; regions: { code: string; name: string; archived: boolean }[] };

/** An organization's details, as coalition admins add and edit them (metadata only, never its content). */
export function OrganizationFields({
  fields,
  freedoms,
  regions,
  chooseSize,
}: {
  fields: OrganizationFormFields;
  freedoms: { id: string; name: string }[];
  regions: RegionChoiceGroup[];
  /** offer an empty first size, for a new organization */
  chooseSize?: boolean;
}) {
  const { t, i18n } = useTranslation("admin");
  const { t: tm } = useTranslation("movement");
  return (
    <>
      <Field label={t("organizations.fields.name")} meta={fields.name}>
        <input {...getInputProps(fields.name, { type: "text" })} maxLength={100} required />
      </Field>
      <Field label={t("organizations.fields.region")} meta={fields.region} help={t("organizations.fields.regionHelp")}>
        {/* a plain select grouped by macro-region: it works without JavaScript and the server checks the code */}
        <select {...getSelectProps(fields.region)} required>
          <option value="">{t("organizations.fields.chooseRegion")}</option>
          {regions.map((group) => (
            <optgroup key={group.macroRegion} label={tm(`regions.${group.macroRegion}`)}>
              {group.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.archived ? t("organizations.fields.archivedRegion", { name: r.name }) : r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field label={t("organizations.fields.sizeBand")} meta={fields.sizeBand}>
        <select {...getSelectProps(fields.sizeBand)} required>
          {chooseSize ? <option value="">{t("organizations.fields.choose")}</option> : null}
          {SIZE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`organizations.sizeBands.${band}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t("organizations.fields.timeZone")}
        meta={fields.timeZone}
        help={t("organizations.fields.timeZoneHelp")}
      >
        <select
          {...getSelectProps(fields.timeZone)}
          defaultValue={fields.timeZone.initialValue ?? DEFAULT_TIME_ZONE}
          required
        >
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zoneName(zone, i18n.language)} ({zone})
            </option>
          ))}
        </select>
      </Field>
      <label className="choice">
        <input {...getInputProps(fields.impactedLed, { type: "checkbox" })} />
        <span>
          <strong>{t("organizations.fields.impactedLed")}</strong>
          <span className="choice-help">{t("organizations.fields.impactedLedHelp")}</span>
        </span>
      </label>
      <Field
        label={t("organizations.fields.languages")}
        meta={fields.languages}
        help={t("organizations.fields.languagesHelp")}
      >
        <input {...getInputProps(fields.languages, { type: "text" })} maxLength={300} />
      </Field>
      <fieldset
        className="field freedom-choices"
        data-invalid={fields.focusFreedomIds.errors?.length ? true : undefined}
      >
        <legend>{t("organizations.fields.focusFreedoms")}</legend>
        {getCollectionProps(fields.focusFreedomIds, { type: "checkbox", options: freedoms.map((f) => f.id) }).map(
          ({ key, ...props }) => (
            <label key={key} className="choice">
              <input {...props} />
              <span>{freedoms.find((f) => f.id === props.value)?.name}</span>
            </label>
          ),
        )}
        <ErrorList id={fields.focusFreedomIds.errorId} errors={fields.focusFreedomIds.errors} />
      </fieldset>
    </>
  );
}
