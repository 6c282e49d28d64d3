import { getCollectionProps, getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SIZE_BANDS } from "~/models/organization-options";
import { regionTimeZone } from "~/models/time-zone-options";

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

/** The time zone picker's choices, labelled on the server (organization-time-zone.server.ts). */
export type TimeZoneChoices = { us: { value: string; name: string }[]; others: string[] };

/** An organization's details, as coalition admins add and edit them (metadata only, never its content). */
export function OrganizationFields({
  fields,
  freedoms,
  regions,
  timeZones,
  zoneByRegion,
  chooseSize,
}: {
  fields: OrganizationFormFields;
  freedoms: { id: string; name: string }[];
  regions: RegionChoiceGroup[];
  timeZones: TimeZoneChoices;
  /**
   * for a new organization: the zone is first "the region's", named as soon as a region is picked; `otherwise`
   * names the zone it gets when its region implies none (the coalition's usual one)
   */
  zoneByRegion?: { otherwise: string };
  /** offer an empty first size, for a new organization */
  chooseSize?: boolean;
}) {
  const { t } = useTranslation("admin");
  const { t: tm } = useTranslation("movement");
  const [region, setRegion] = useState(fields.region.initialValue ?? "");
  const regionZone = regionTimeZone(region);
  const regionZoneName = regionZone ? (timeZones.us.find((z) => z.value === regionZone)?.name ?? regionZone) : null;
  return (
    <>
      <Field label={t("organizations.fields.name")} meta={fields.name}>
        <input {...getInputProps(fields.name, { type: "text" })} maxLength={100} required />
      </Field>
      <Field label={t("organizations.fields.region")} meta={fields.region} help={t("organizations.fields.regionHelp")}>
        {/* a plain select grouped by macro-region: it works without JavaScript and the server checks the code */}
        <select {...getSelectProps(fields.region)} onChange={(e) => setRegion(e.currentTarget.value)} required>
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
        {/* a plain select: without JavaScript "the region's zone" is worked out by the server from the region sent */}
        <select {...getSelectProps(fields.timeZone)} required={!zoneByRegion}>
          {zoneByRegion ? (
            <option value="">
              {regionZoneName
                ? t("organizations.fields.timeZoneOfRegion", { zone: regionZoneName })
                : t("organizations.fields.timeZoneByRegion", { zone: zoneByRegion.otherwise })}
            </option>
          ) : null}
          <optgroup label={t("organizations.fields.timeZonesUs")}>
            {timeZones.us.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.name} ({zone.value})
              </option>
            ))}
          </optgroup>
          <optgroup label={t("organizations.fields.timeZonesOther")}>
            {timeZones.others.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </optgroup>
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
