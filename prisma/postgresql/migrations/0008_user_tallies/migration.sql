-- The PostgreSQL twin of prisma/migrations/0008_user_tallies (scripts/postgres-schema.mjs).
-- CreateTable
CREATE TABLE "UserTally" (
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "users" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UserTally_pkey" PRIMARY KEY ("clusterId","kind","value")
);


-- Written by hand, PostgreSQL's own (decision 0094): the SQLite migration's view and triggers, as functions.
-- What one user counts toward.
CREATE FUNCTION "user_tally_rows"(u "User") RETURNS TABLE ("kind" TEXT, "value" TEXT) LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  -- plpgsql, not sql: PostgreSQL 15 fails to plan the inlined sql function over a whole row ("variable not
  -- found in subplan target list").
  RETURN QUERY
    SELECT 'cell'::text, u."role" || ':' || CASE WHEN u."mfaFingerprint" IS NULL THEN 'off' ELSE 'on' END
    UNION ALL SELECT 'locked', '' WHERE u."locked"
    UNION ALL SELECT 'never', '' WHERE u."lastLoginAt" IS NULL
    UNION ALL SELECT 'quorum-admin', '' WHERE u."role" = 'admin' AND u."quorumFingerprint" IS NOT NULL
    UNION ALL SELECT 'key-day', to_char(LEAST(u."mfaRegisteredAt", u."quorumRegisteredAt"), 'YYYY-MM-DD') WHERE COALESCE(u."mfaRegisteredAt", u."quorumRegisteredAt") IS NOT NULL
    UNION ALL SELECT 'key-bits', LEAST(u."mfaKeyBits", u."quorumKeyBits")::text WHERE COALESCE(u."mfaKeyBits", u."quorumKeyBits") IS NOT NULL;
END
$$;

INSERT INTO "UserTally" ("clusterId", "kind", "value", "users")
  SELECT u."clusterId", r."kind", r."value", count(*)::int FROM "User" u, LATERAL "user_tally_rows"(u) r GROUP BY 1, 2, 3;

-- One statement takes the old row's counts out and puts the new row's in, rows locked in key order: concurrent
-- changes of one cluster's users wait for each other instead of deadlocking. A user deleted with their cluster
-- leaves nothing behind (the cluster's own trigger removes its counts).
CREATE FUNCTION "user_tally_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Cluster" WHERE "id" = OLD."clusterId") THEN
    RETURN NULL;
  END IF;
  INSERT INTO "UserTally" ("clusterId", "kind", "value", "users")
    SELECT x.c, x.k, x.v, sum(x.d)::int FROM (
      SELECT OLD."clusterId" AS c, r."kind" AS k, r."value" AS v, -1 AS d FROM "user_tally_rows"(OLD) r WHERE TG_OP <> 'INSERT'
      UNION ALL
      SELECT NEW."clusterId", r."kind", r."value", 1 FROM "user_tally_rows"(NEW) r WHERE TG_OP <> 'DELETE'
    ) x
    GROUP BY x.c, x.k, x.v HAVING sum(x.d) <> 0 ORDER BY x.c, x.k, x.v
    ON CONFLICT ("clusterId", "kind", "value") DO UPDATE SET "users" = "UserTally"."users" + EXCLUDED."users";
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_tally_insert_delete" AFTER INSERT OR DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION "user_tally_trigger"();

-- Only changes that move a user between counts: a sign-in that only moves lastLoginAt forward costs nothing.
CREATE TRIGGER "User_tally_update" AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."role" IS DISTINCT FROM NEW."role" OR OLD."clusterId" IS DISTINCT FROM NEW."clusterId" OR OLD."locked" IS DISTINCT FROM NEW."locked"
    OR (OLD."mfaFingerprint" IS NULL) <> (NEW."mfaFingerprint" IS NULL) OR (OLD."quorumFingerprint" IS NULL) <> (NEW."quorumFingerprint" IS NULL)
    OR (OLD."lastLoginAt" IS NULL) <> (NEW."lastLoginAt" IS NULL)
    OR OLD."mfaRegisteredAt" IS DISTINCT FROM NEW."mfaRegisteredAt" OR OLD."quorumRegisteredAt" IS DISTINCT FROM NEW."quorumRegisteredAt"
    OR OLD."mfaKeyBits" IS DISTINCT FROM NEW."mfaKeyBits" OR OLD."quorumKeyBits" IS DISTINCT FROM NEW."quorumKeyBits")
  EXECUTE FUNCTION "user_tally_trigger"();

CREATE FUNCTION "cluster_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "UserTally" WHERE "clusterId" = OLD."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Cluster_tally_delete" AFTER DELETE ON "Cluster" FOR EACH ROW EXECUTE FUNCTION "cluster_tally_delete"();

-- Usernames compare byte by byte, as on SQLite: the users list's order and its prefix search (a range on the
-- unique index, decision 0092) must not depend on the database's locale.
ALTER TABLE "User" ALTER COLUMN "username" SET DATA TYPE TEXT COLLATE "C";
