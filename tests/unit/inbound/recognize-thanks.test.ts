import { describe, expect, it } from 'vitest';
import { isThankYou } from '../../../lib/inbound/recognize-thanks';

describe('isThankYou', () => {
  it.each([
    // What Rückenwind itself posts (lib/compose/post-texts.ts), flattened as MediaWiki shows it.
    'Danke, Mara Schneider!\n\nDie Checkliste hat uns eine Stunde gespart.\n\n#Teamwork #danke',
    'Thank you, Mara Schneider! The checklist saved us an hour. #thanks',
    'Great write-up. #Thanks',
    // Plain German.
    'Danke!',
    'Danke dir, das hat geholfen.',
    'Super, danke für die schnelle Antwort!',
    'Vielen Dank für den Hinweis.',
    'Herzlichen Dank, Mara!',
    'Dankeschön 🙏',
    'Danke sehr!',
    'Tausend Dank!',
    'Ich bedanke mich für die Hilfe.',
    'Wir möchten uns herzlich bedanken.',
    'DANKE!!!',
    // Plain English.
    'Thank you!',
    'Thanks, Mara – that fixed it.',
    'Many thanks for the checklist.',
    'Great work, thank you so much',
    'Thanks to you we shipped on time.',
    'thx',
    'Much appreciated!',
    // A refusal does not hide real thanks elsewhere in the reply.
    'No thanks needed on my side, but thank you for the fix!',
  ])('recognises %j', (text) => {
    expect(isThankYou(text)).toBe(true);
  });

  it.each([
    'No thanks.',
    'No, thank you – I will pass.',
    'Nein danke, ich habe schon eine.',
    'Nee, danke.',
    'Thanks, but no.',
    'Thanks in advance!',
    'Danke im Voraus!',
    'Vorab vielen Dank!',
    'Schon mal danke!',
    'Thanks for nothing.',
    'Danke für nichts.',
    'Thank God the backup worked.',
    'Thanks to the outage we lost a day.',
    'Could you check the rollback steps? Thanks!',
    'Kannst du das bitte prüfen? Danke!',
    'Dank des Updates läuft es wieder.',
    'Das war undankbar.',
    'Die Danksagung kommt später.',
    'Ich bin dabei.',
    '[[User:Mara|Mara]], good point: it is linked now, right under the introduction.',
    'Tipp: Die IT-Zugänge am besten schon vor dem ersten Tag beantragen.',
    'Thanksgiving is on Thursday.',
    'See #thanksgiving for the menu.',
  ])('does not take %j for thanks', (text) => {
    expect(isThankYou(text)).toBe(false);
  });
});
