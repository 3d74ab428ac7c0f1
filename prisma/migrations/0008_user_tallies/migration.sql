-- The overview's counts, kept as users change (issue 9, docs/decisions/0094). What each user contributes is
-- defined once, in the view; triggers take a user's rows out before a change and put them back after it.

-- CreateTable
CREATE TABLE "UserTally" (
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "users" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("clusterId", "kind", "value")
);

CREATE VIEW "UserTallyContribution" AS
  SELECT "id", "clusterId", 'cell' AS "kind", "role" || ':' || CASE WHEN "mfaFingerprint" IS NULL THEN 'off' ELSE 'on' END AS "value" FROM "User"
  UNION ALL SELECT "id", "clusterId", 'locked', '' FROM "User" WHERE "locked"
  UNION ALL SELECT "id", "clusterId", 'never', '' FROM "User" WHERE "lastLoginAt" IS NULL
  UNION ALL SELECT "id", "clusterId", 'quorum-admin', '' FROM "User" WHERE "role" = 'admin' AND "quorumFingerprint" IS NOT NULL
  UNION ALL SELECT "id", "clusterId", 'key-day', substr(min(coalesce("mfaRegisteredAt", "quorumRegisteredAt"), coalesce("quorumRegisteredAt", "mfaRegisteredAt")), 1, 10) FROM "User"
    WHERE coalesce("mfaRegisteredAt", "quorumRegisteredAt") IS NOT NULL
  UNION ALL SELECT "id", "clusterId", 'key-bits', CAST(min(coalesce("mfaKeyBits", "quorumKeyBits"), coalesce("quorumKeyBits", "mfaKeyBits")) AS TEXT) FROM "User"
    WHERE coalesce("mfaKeyBits", "quorumKeyBits") IS NOT NULL;

INSERT INTO "UserTally" ("clusterId", "kind", "value", "users")
  SELECT "clusterId", "kind", "value", count(*) FROM "UserTallyContribution" GROUP BY "clusterId", "kind", "value";

CREATE TRIGGER "User_tally_insert" AFTER INSERT ON "User" BEGIN
  INSERT INTO "UserTally" ("clusterId", "kind", "value", "users")
    SELECT "clusterId", "kind", "value", 1 FROM "UserTallyContribution" WHERE "id" = NEW."id"
    ON CONFLICT ("clusterId", "kind", "value") DO UPDATE SET "users" = "users" + 1;
END;

CREATE TRIGGER "User_tally_delete" BEFORE DELETE ON "User" BEGIN
  UPDATE "UserTally" SET "users" = "users" - 1
    WHERE ("clusterId", "kind", "value") IN (SELECT "clusterId", "kind", "value" FROM "UserTallyContribution" WHERE "id" = OLD."id");
END;

-- Only changes that move a user between counts: a sign-in that only moves lastLoginAt forward costs nothing.
CREATE TRIGGER "User_tally_update_out" BEFORE UPDATE ON "User"
  WHEN OLD."role" IS NOT NEW."role" OR OLD."clusterId" IS NOT NEW."clusterId" OR OLD."locked" IS NOT NEW."locked"
    OR (OLD."mfaFingerprint" IS NULL) <> (NEW."mfaFingerprint" IS NULL) OR (OLD."quorumFingerprint" IS NULL) <> (NEW."quorumFingerprint" IS NULL)
    OR (OLD."lastLoginAt" IS NULL) <> (NEW."lastLoginAt" IS NULL)
    OR OLD."mfaRegisteredAt" IS NOT NEW."mfaRegisteredAt" OR OLD."quorumRegisteredAt" IS NOT NEW."quorumRegisteredAt"
    OR OLD."mfaKeyBits" IS NOT NEW."mfaKeyBits" OR OLD."quorumKeyBits" IS NOT NEW."quorumKeyBits"
BEGIN
  UPDATE "UserTally" SET "users" = "users" - 1
    WHERE ("clusterId", "kind", "value") IN (SELECT "clusterId", "kind", "value" FROM "UserTallyContribution" WHERE "id" = OLD."id");
END;

CREATE TRIGGER "User_tally_update_in" AFTER UPDATE ON "User"
  WHEN OLD."role" IS NOT NEW."role" OR OLD."clusterId" IS NOT NEW."clusterId" OR OLD."locked" IS NOT NEW."locked"
    OR (OLD."mfaFingerprint" IS NULL) <> (NEW."mfaFingerprint" IS NULL) OR (OLD."quorumFingerprint" IS NULL) <> (NEW."quorumFingerprint" IS NULL)
    OR (OLD."lastLoginAt" IS NULL) <> (NEW."lastLoginAt" IS NULL)
    OR OLD."mfaRegisteredAt" IS NOT NEW."mfaRegisteredAt" OR OLD."quorumRegisteredAt" IS NOT NEW."quorumRegisteredAt"
    OR OLD."mfaKeyBits" IS NOT NEW."mfaKeyBits" OR OLD."quorumKeyBits" IS NOT NEW."quorumKeyBits"
BEGIN
  INSERT INTO "UserTally" ("clusterId", "kind", "value", "users")
    SELECT "clusterId", "kind", "value", 1 FROM "UserTallyContribution" WHERE "id" = NEW."id"
    ON CONFLICT ("clusterId", "kind", "value") DO UPDATE SET "users" = "users" + 1;
END;

-- A deleted cluster's users went with it (cascade, which runs the delete trigger); so do its counts.
CREATE TRIGGER "Cluster_tally_delete" AFTER DELETE ON "Cluster" BEGIN
  DELETE FROM "UserTally" WHERE "clusterId" = OLD."id";
END;
