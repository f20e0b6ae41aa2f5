DROP INDEX "ledger_totals_path_idx";--> statement-breakpoint
ALTER TABLE "ledger_totals" DROP COLUMN "org_path";--> statement-breakpoint
TRUNCATE "ledger_totals";--> statement-breakpoint
INSERT INTO "ledger_totals" ("org_id", "year", "subtype_code", "deep_poverty", "entries", "villages", "households",
  "fund_donation", "fund_personal", "fund_social", "fund_bank", "fund_fiscal", "beneficiaries")
SELECT a.id, o.start_year, o.subtype_code, o.deep_poverty, sum(o.entries), sum(o.villages), sum(o.households),
  sum(o.fund_donation), sum(o.fund_personal), sum(o.fund_social), sum(o.fund_bank), sum(o.fund_fiscal), sum(o.beneficiaries)
FROM (
  SELECT org_path, start_year, subtype_code, deep_poverty, count(*) AS entries,
    sum(CASE WHEN unit = '个' THEN count ELSE 0 END) AS villages, sum(CASE WHEN unit = '户' THEN count ELSE 0 END) AS households,
    sum(fund_donation) AS fund_donation, sum(fund_personal) AS fund_personal, sum(fund_social) AS fund_social,
    sum(fund_bank) AS fund_bank, sum(fund_fiscal) AS fund_fiscal, sum(beneficiaries) AS beneficiaries
  FROM "ledger_entries" GROUP BY org_path, start_year, subtype_code, deep_poverty
) o CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from o.org_path), '/')::int[]) AS a(id)
GROUP BY a.id, o.start_year, o.subtype_code, o.deep_poverty;
