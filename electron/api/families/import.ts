import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { childKey, groupHouseholds, guessMapping, type RosterRecord, validateRoster } from '../../../core/families/roster';
import { children, classes, guardians, households } from '../../../db/schema';
import { handler, type HandlerContext } from '../define';
import { invalid } from '../errors';
import { EDITORS } from './access';
import { readRosterFile } from './excel';
import { rosterRowsInput } from './inputs';
import { insertChild, insertGuardian } from './records';

function rosterContext(ctx: HandlerContext) {
  const classRows = ctx.db.select().from(classes).where(eq(classes.archived, false)).all();
  const existing = ctx.db.select({ name: children.name, birthDate: children.birthDate, idNumber: children.idNumber }).from(children).all();
  return {
    classes: new Map(classRows.map((c) => [c.name, c.id])),
    existingChildren: new Set(existing.map((c) => childKey(c.name, c.birthDate))),
    existingIdNumbers: new Set(existing.flatMap((c) => (c.idNumber ? [c.idNumber] : []))),
    today: ctx.today(),
  };
}

function previewRows(ctx: HandlerContext, rows: { sheetRow: number; record: RosterRecord }[]) {
  const results = validateRoster(
    rows.map((r) => r.record),
    rosterContext(ctx),
    rows.map((r) => r.sheetRow),
  );
  return rows.map((r, i) => ({ sheetRow: r.sheetRow, problems: results[i]!.problems, clean: results[i]!.clean }));
}

/** The roster import in three steps: read the file, check every row, commit all rows or none. */
export const importHandlers = {
  /** Step 1 of an import: read the file into a table and guess the columns. Writes nothing. */
  'families.importParse': handler({
    access: EDITORS,
    write: false,
    input: z.object({
      fileName: z.string().trim().min(1, '请选择文件').max(200),
      base64: z.string().min(1, '文件是空的').max(30 * 1024 * 1024, '文件太大（最大约 20 MB）'),
    }),
    async run(_ctx, { fileName, base64 }) {
      const table = await readRosterFile(fileName, base64);
      return { ...table, mapping: guessMapping(table.headers) };
    },
  }),

  /** Step 2: every row's problems, against the classes and children on file. Writes nothing. */
  'families.importPreview': handler({
    access: EDITORS,
    write: false,
    input: z.object({ rows: rosterRowsInput }),
    run(ctx, { rows }) {
      return previewRows(ctx, rows).map(({ sheetRow, problems, clean }) => ({ sheetRow, problems, ok: clean !== null }));
    },
  }),

  /** Step 3: all rows in one transaction, or none if any row still has a problem. */
  'families.importCommit': handler({
    access: EDITORS,
    write: true,
    input: z.object({ rows: rosterRowsInput.min(1, '没有要导入的行') }),
    run(ctx, { rows }) {
      const checked = previewRows(ctx, rows);
      const bad = checked.filter((r) => r.clean === null);
      if (bad.length > 0) {
        const first = bad[0]!;
        throw invalid(
          `还有 ${bad.length} 行有问题，未导入任何数据。第 ${first.sheetRow} 行：${first.problems.map((p) => p.message).join('；')}`,
          `${bad.length} rows still have problems; nothing was imported.`,
        );
      }
      const clean = checked.map((r) => r.clean!);
      const knownMobiles = new Map(
        ctx.db.select({ mobile: guardians.mobile, householdId: guardians.householdId }).from(guardians).all().map((g) => [g.mobile, g.householdId]),
      );
      const placement = groupHouseholds(clean, knownMobiles);
      const newHouseholds = new Map<number, number>();
      const childIds: number[] = [];
      let guardianCount = 0;
      clean.forEach((row, i) => {
        const place = placement[i]!;
        let householdId: number;
        if ('existing' in place) householdId = place.existing;
        else if (newHouseholds.has(place.group)) householdId = newHouseholds.get(place.group)!;
        else {
          householdId = ctx.db.insert(households).values({ address: row.address }).returning().get().id;
          newHouseholds.set(place.group, householdId);
        }
        childIds.push(
          insertChild(ctx, householdId, {
            name: row.childName,
            gender: row.gender,
            birthDate: row.birthDate,
            idNumber: row.idNumber,
            classId: row.classId,
            enrolledOn: row.enrolledOn,
            billingMode: 'monthly',
            meals: true,
            boarding: false,
            custodyAgreedOn: null,
            busAgreedOn: null,
            reductionCategory: null,
            reductionNote: '',
            healthNotes: row.healthNotes,
          }).id,
        );
        for (const g of row.guardians) {
          if (knownMobiles.has(g.mobile)) continue;
          knownMobiles.set(g.mobile, householdId);
          insertGuardian(ctx, householdId, { ...g, wechat: '', address: row.address, workplace: '', isEmergencyContact: false, canPickUp: true });
          guardianCount++;
        }
      });
      ctx.audit({
        action: 'families.import',
        kind: 'record',
        entity: 'child',
        summary: `导入花名册：${childIds.length} 名幼儿，${guardianCount} 位家长，${newHouseholds.size} 个新家庭`,
        after: { childIds },
      });
      return { children: childIds.length, guardians: guardianCount, households: newHouseholds.size };
    },
  }),

};
