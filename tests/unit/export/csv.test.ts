// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { recognitionsCsv, toCsv, weeklyLogsCsv, wolPostsCsv } from '../../../lib/export/csv';
import { jonas, lea, postRef, thanks, weeklyLog, wolPost } from '../db/factories';

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('CSV exports', () => {
  it('start with a byte-order mark so that spreadsheets read umlauts as UTF-8', () => {
    expect(toCsv([], [['name', () => '']]).startsWith('\uFEFFname\r\n')).toBe(true);
  });

  it('quote commas, quotes and line breaks', () => {
    const csv = toCsv([{ text: 'Danke, "Jonas"!\nBis bald' }], [['text', (row) => row.text]]);
    expect(csv).toBe('\uFEFFtext\r\n"Danke, ""Jonas""!\nBis bald"\r\n');
  });

  it('never let an intranet text become a spreadsheet formula', () => {
    const csv = toCsv(
      ['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', 'fine'].map((text) => ({ text })),
      [['text', (row) => row.text]],
    );
    expect(lines(csv).slice(1, 6)).toEqual([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      'fine',
    ]);
  });

  it('list thanks oldest first with their recipients, message, value and post', () => {
    const csv = recognitionsCsv([
      thanks('b', {
        createdAt: 2,
        to: [jonas, lea],
        value: 'Teamwork',
        post: postRef('7', { permalink: 'https://intranet.example-gmbh.de/p/7' }),
      }),
      thanks('a', { createdAt: 1, direction: 'received', from: lea, to: [jonas] }),
    ]);
    const [header, first, second] = lines(csv);
    expect(header).toBe('day,created_at,direction,from,to,value,message,intranet,post,sync,id');
    expect(first).toMatch(/^2025-03-10,1970-01-01T00:00:00.001Z,received,Lea Schäfer,Jonas Wagner,,/);
    expect(second).toContain(',given,Anna Becker,Jonas Wagner; Lea Schäfer,Teamwork,Danke für die Hilfe!,');
    expect(second).toContain('https://intranet.example-gmbh.de/p/7,pending,b');
  });

  it('list WOL posts and weekly logs', () => {
    expect(lines(wolPostsCsv([wolPost('w1')]))[0]).toBe(
      'day,created_at,template,text,intranet,target,sync,id',
    );
    const [header, row] = lines(weeklyLogsCsv([weeklyLog('l1')]));
    expect(header).toBe('week_start,day,did,contributions,next,confidence,circle_id,sync,id');
    expect(row).toBe(
      '2025-03-10,2025-03-10,Beziehungsliste ergänzt.,Jonas beim Handbuch geholfen.,Barcamp planen.,4,,local,l1',
    );
  });
});
