-- Refused attempts are counted per window, so a burst is audited once with its count, not once per request.
ALTER TABLE "RateLimit" ADD COLUMN "refused" INTEGER NOT NULL DEFAULT 0;
