-- Every practice save writes one entry in each of Practice's indexes, and the ones led by the organization go
-- to a page of their own each time (a full page image in the WAL after every checkpoint). These two served
-- pages of one organization, which ("organizationId", "occurredOn") serves as well: an organization has a few
-- thousand practices at most, and its value and visibility filters are checked on those rows. Right after a
-- checkpoint on the 10 M practice benchmark, a save wrote 40 KB of WAL with them and 26 KB without.
DROP INDEX "Practice_organizationId_valueId_occurredOn_idx";
DROP INDEX "Practice_organizationId_visibility_idx";
