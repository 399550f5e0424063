// The dashboard groups sources in short tasks (site/src/dashboard/useDashboardData.ts): a few hundred records per
// step into the grouper, then a few hundred addresses per step into the sources table. A step must never do work
// proportional to everything added so far (a hash table rebuilt in one go, a network of thousands of addresses
// built in one call): beside a busy process such a step took 100–300 ms. These step the grouper and the summarizer
// as the page does, on the benchmark's shapes (services and networks seen from thousands of addresses), and hold
// every step to a count of entries moved and addresses built, not to a time.
import { describe, expect, it } from 'vitest';
import { SourceGrouper } from '../../../core/analysis/groupSources';
import { RecordSummarizer } from '../../../core/analysis/summarizeRecords';
import { makeBenchReports } from '../../bench/intelBenchCase';
import { loadAsnTableForTest } from './asnTableFile';
import { storedRecordsOf } from './makeRecord';

const asnTable = loadAsnTableForTest();
/** What the page groups per step (GROUPED_PER_STEP) and builds per step (BUILT_PER_STEP). */
const GROUPED_PER_STEP = 500;
const BUILT_PER_STEP = 200;

describe('the grouper, stepped as the dashboard steps it', () => {
  it('moves a few table entries per record added, never a whole table in one step', () => {
    const grouper = new SourceGrouper({ asnTable });
    const reports = makeBenchReports(200_000, 40_000);
    const records = reports.flatMap((report) =>
      report.records.map((record) => ({ record, time: report.metadata.begin })),
    );
    let largest = 0;
    for (let at = 0; at < records.length; at += GROUPED_PER_STEP) {
      const before = grouper.moved;
      for (const { record, time } of records.slice(at, at + GROUPED_PER_STEP)) grouper.addRecord(record, time);
      largest = Math.max(largest, grouper.moved - before);
    }
    // The tables grew several times over (tens of thousands of cells and addresses moved in all) …
    expect(grouper.moved).toBeGreaterThan(50_000);
    // … a few entries at a time: at most 4 slots of each of its two tables per entry added.
    expect(largest).toBeLessThanOrEqual(2 * 4 * GROUPED_PER_STEP);
    // And the groups are those of adding everything at once.
    const whole = new SourceGrouper({ asnTable });
    for (const report of reports) whole.addReport(report);
    expect(JSON.stringify(grouper.groups())).toBe(JSON.stringify(whole.groups()));
  });
});

describe('the grouper sorting its cells into groups, a slice at a time', () => {
  it('goes through its cells, contexts and groups, and a large group’s cells, at most a step at a time', () => {
    const grouper = new SourceGrouper({ asnTable });
    for (const report of makeBenchReports(20_000, 4_000)) grouper.addReport(report);
    const step = 100;
    const slices: number[] = [];
    const classes = [];
    for (const each of grouper.eachClassOfContextsInSteps(step)) {
      if (typeof each === 'number') slices.push(each);
      else classes.push(each);
    }
    const contexts = classes.reduce((n, group) => n + group.contextIndexes.length, 0);
    expect(Math.max(...slices)).toBeLessThanOrEqual(step);
    // Each cell and each context is counted and then placed; each group is added up and then made.
    expect(slices.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * contexts + 2 * classes.length);
    const whole = [...grouper.eachClassOfContexts()];
    expect(classes.map((group) => [group.key, group.messages, [...group.contextIndexes]])).toEqual(
      whole.map((group) => [group.key, group.messages, [...group.contextIndexes]]),
    );
  });
});

describe('the sources table, built as the dashboard builds it', () => {
  it('builds a network of thousands of addresses over many steps, each bounded, to the same groups', () => {
    const records = storedRecordsOf(makeBenchReports(60_000, 12_000));
    const period = { from: 0, to: 4_000_000_000 };
    const stepped = new RecordSummarizer(period, { asnTable });
    stepped.add(records);
    while (!stepped.groupSome(GROUPED_PER_STEP)) {
      // Grouping in steps, as the page does, before building.
    }
    let sources;
    let steps = 0;
    let largest = 0;
    do {
      const before = stepped.built;
      sources = stepped.buildSources(BUILT_PER_STEP);
      largest = Math.max(largest, stepped.built - before);
      steps++;
    } while (sources === undefined);
    // SendGrid's group alone has thousands of addresses: built, and its addresses ordered, over many steps.
    const sendgrid = sources.find((group) => group.key === 'sendgrid')!;
    expect(sendgrid.ipCount).toBeGreaterThan(5_000);
    expect(steps).toBeGreaterThan((2 * sendgrid.ipCount) / BUILT_PER_STEP);
    expect(largest).toBeLessThanOrEqual(BUILT_PER_STEP);
    // The addresses by most messages, as many in the order of their first record: what one call builds.
    const whole = new RecordSummarizer(period, { asnTable });
    whole.add(records);
    expect(JSON.stringify(sources)).toBe(JSON.stringify(whole.sources()));
    expect(sendgrid.ips.every((ip, i) => i === 0 || sendgrid.ips[i - 1]!.messages >= ip.messages)).toBe(true);
  });
});
