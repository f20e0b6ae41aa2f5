-- Custom SQL migration file, put your code below! --
-- custom (cite_sources)
-- Stored texts shipped before issue 10 cited the transcription file (“种子文件 004”): cite the document instead, as
-- src/domain/shared/sources.ts does (cite('maanshan2017')). Texts an administrator wrote are changed only there.
UPDATE "procedure_definitions"
SET "source" = replace(
  replace("source", '种子文件 004：', '《脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议》（安徽省马鞍山市，2017年）：'),
  '返贫按识别的步骤进行，由农户或村报告开始（议题 4）。', '本系统：返贫按识别的步骤进行，由农户或村报告开始。')
WHERE "source" LIKE '%种子文件 004：%' OR "source" LIKE '%（议题 4）。%';
--> statement-breakpoint
UPDATE "poverty_lines"
SET "source" = replace("source", '种子文件 004：', '《脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议》（安徽省马鞍山市，2017年）：')
WHERE "source" LIKE '%种子文件 004：%';
