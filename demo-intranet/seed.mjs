/**
 * The people and posts the demo intranet starts with. Times are relative to start-up so the feed always
 * looks current; ids follow creation order, as they would in a real database.
 */

/**
 * @typedef {{ id: string, name: string, role: string, department: string }} Person
 * @typedef {{ author: string, hoursAgo: number, body: string, replies?: SeedThread[] }} SeedThread
 * @typedef {{ id: string, authorId: string, createdAt: string, body: string, parentId: string | null }} SeedPost
 */

/** The person every demo session is logged in as. */
export const CURRENT_USER_ID = 'mara.keller';

/** @type {Person[]} */
export const PEOPLE = [
  {
    id: 'mara.keller',
    name: 'Mara Keller',
    role: 'Projektleiterin Digitalisierung',
    department: 'IT – Digital Workplace',
  },
  { id: 'anna.schmidt', name: 'Anna Schmidt', role: 'Teamleiterin Einkauf', department: 'Einkauf' },
  {
    id: 'jonas.weber',
    name: 'Jonas Weber',
    role: 'Softwareentwickler',
    department: 'IT – Digital Workplace',
  },
  {
    id: 'priya.natarajan',
    name: 'Priya Natarajan',
    role: 'Data Scientist',
    department: 'Qualitätssicherung',
  },
  {
    id: 'lukas.hoffmann',
    name: 'Lukas Hoffmann',
    role: 'Schichtleiter Montage',
    department: 'Produktion Werk Nord',
  },
  { id: 'fatma.yilmaz', name: 'Fatma Yılmaz', role: 'HR Business Partner', department: 'Personal' },
  {
    id: 'tobias.becker',
    name: 'Tobias Becker',
    role: 'Fachkraft für Arbeitssicherheit',
    department: 'Arbeitssicherheit',
  },
  { id: 'sofia.rossi', name: 'Sofia Rossi', role: 'Produktmanagerin', department: 'Produktmanagement' },
  {
    id: 'wei.chen',
    name: 'Wei Chen',
    role: 'Ingenieur Prozessentwicklung',
    department: 'Forschung & Entwicklung',
  },
  {
    id: 'katharina.mueller',
    name: 'Katharina Müller',
    role: 'Leiterin Interne Kommunikation',
    department: 'Kommunikation',
  },
  { id: 'david.okafor', name: 'David Okafor', role: 'Supply Chain Analyst', department: 'Logistik' },
  { id: 'sven.lindqvist', name: 'Sven Lindqvist', role: 'Werkleiter', department: 'Werkleitung Werk Nord' },
  { id: 'emre.demir', name: 'Emre Demir', role: 'Auszubildender Mechatronik', department: 'Ausbildung' },
  { id: 'julia.wagner', name: 'Julia Wagner', role: 'Betriebsratsvorsitzende', department: 'Betriebsrat' },
];

/** @type {SeedThread[]} */
const THREADS = [
  {
    author: 'katharina.mueller',
    hoursAgo: 0.75,
    body: 'Das neue Intranet ist live! 🎉 Ab heute findet ihr alle News, Termine und Kantinenpläne an einem Ort.\n\nFeedback gerne direkt hier als Antwort.',
    replies: [
      {
        author: 'jonas.weber',
        hoursAgo: 0.5,
        body: 'Sieht super aus! Kleiner Hinweis: Auf dem Handy ist das Menü noch etwas eng.',
        replies: [
          {
            author: 'katharina.mueller',
            hoursAgo: 0.3,
            body: 'Danke Jonas, ist notiert – das Team schaut sich das diese Woche an.',
          },
        ],
      },
    ],
  },
  {
    author: 'priya.natarajan',
    hoursAgo: 2,
    body: "#WOL week 4: I finally got the defect-prediction model running on live data from Line 3. Precision is at 0.81, recall still too low.\n\nNext step: talk to the shift leads about which false alarms actually hurt. Anyone who knows the Line 3 sensors well – I'd love 20 minutes of your time.",
    replies: [
      {
        author: 'lukas.hoffmann',
        hoursAgo: 1.5,
        body: 'Ich kenne die Sensoren an Linie 3 ziemlich gut. Donnerstag nach der Frühschicht?',
        replies: [
          {
            author: 'priya.natarajan',
            hoursAgo: 1,
            body: 'Perfect, Thursday 14:30 in the Werk Nord meeting room. Danke, Lukas!',
          },
        ],
      },
    ],
  },
  {
    author: 'fatma.yilmaz',
    hoursAgo: 5,
    body: 'Erinnerung: Die Anmeldung für das Mentoring-Programm läuft noch bis Freitag. Mentees und Mentor:innen aus allen Standorten sind willkommen – auch wenn ihr noch nie mitgemacht habt.\n\nFragen gerne an mich oder ins HR-Postfach.',
  },
  {
    author: 'lukas.hoffmann',
    hoursAgo: 8,
    body: 'Großes Danke an die Nachtschicht Montage: Trotz Ausfall von Roboter 7 haben wir das Wochenziel geschafft. Ihr seid klasse! 💪',
    replies: [
      {
        author: 'sven.lindqvist',
        hoursAgo: 7,
        body: 'Starke Leistung, das hat auch die Werkleitung mitbekommen. Thank you all!',
      },
      {
        author: 'emre.demir',
        hoursAgo: 6,
        body: 'Ich war zum ersten Mal in der Nachtschicht dabei – hab viel gelernt!',
        replies: [
          { author: 'lukas.hoffmann', hoursAgo: 5.5, body: 'Und du hast super mit angepackt, Emre.' },
        ],
      },
    ],
  },
  {
    author: 'mara.keller',
    hoursAgo: 20,
    body: '#WOL Woche 2: Mein Ziel für den Circle ist, bis Ende des Quartals die Urlaubsplanung aus Excel in das neue Self-Service-Portal zu bringen.\n\nDiese Woche habe ich drei Teams interviewt; die meisten Wünsche drehen sich um Vertretungsregeln. Wer hat Erfahrung mit Vertretungen in SuccessFactors?',
    replies: [
      {
        author: 'anna.schmidt',
        hoursAgo: 18,
        body: 'Wir im Einkauf nutzen das seit letztem Jahr. Ich schicke dir unsere Checkliste.',
        replies: [{ author: 'mara.keller', hoursAgo: 17, body: 'Das wäre großartig, danke Anna!' }],
      },
    ],
  },
  {
    author: 'tobias.becker',
    hoursAgo: 26,
    body: 'Sicherheitshinweis: Ab Montag gilt in Halle 2 Warnwestenpflicht auch auf den Fußwegen, weil dort die neuen fahrerlosen Transportsysteme unterwegs sind. Westen gibt es am Werkstor.',
  },
  {
    author: 'sofia.rossi',
    hoursAgo: 30,
    body: 'Quick update from the product team: the customer workshop in Milan went really well. Main takeaway: customers want fewer variants, but faster delivery.\n\nSlides are in the shared drive under Produktmanagement/Workshops.',
    replies: [
      {
        author: 'david.okafor',
        hoursAgo: 28,
        body: "Faster delivery is music to logistics' ears. Let's sync on what “faster” means in days.",
      },
    ],
  },
  {
    author: 'jonas.weber',
    hoursAgo: 44,
    body: 'Kurze Info aus der IT: Am Samstag zwischen 6 und 10 Uhr wird das VPN gewartet. Mobiles Arbeiten ist in dieser Zeit nur eingeschränkt möglich.',
  },
  {
    author: 'julia.wagner',
    hoursAgo: 50,
    body: 'Der Betriebsrat lädt zur Betriebsversammlung am 14. ein. Themen sind u. a. die neue Betriebsvereinbarung zum mobilen Arbeiten und die Einführung neuer Software-Tools.\n\nEure Fragen könnt ihr vorab anonym einreichen.',
    replies: [
      {
        author: 'mara.keller',
        hoursAgo: 48,
        body: 'Danke Julia. Wir stellen dort gerne vor, welche Daten das neue Portal speichert – und welche nicht.',
      },
    ],
  },
  {
    author: 'wei.chen',
    hoursAgo: 60,
    body: 'Our prototype for the new sealing process passed the 1,000-cycle test today. Big thanks to the lab team for the late evenings! Next: pilot run in Werk Süd.',
    replies: [
      {
        author: 'sven.lindqvist',
        hoursAgo: 58,
        body: "Great news, Wei. Let's plan the pilot together with Lukas' team.",
      },
    ],
  },
  {
    author: 'anna.schmidt',
    hoursAgo: 70,
    body: 'Wir suchen für das Lieferanten-Audit im März noch zwei Kolleg:innen mit Englischkenntnissen, die einen Tag mitfahren möchten. Die Reisekosten übernimmt der Einkauf.',
  },
  {
    author: 'emre.demir',
    hoursAgo: 75,
    body: 'Heute zum ersten Mal alleine eine Steuerung programmiert, und sie lief beim ersten Versuch 😅 Danke an meinen Ausbilder für die Geduld!',
    replies: [
      { author: 'tobias.becker', hoursAgo: 74, body: 'Glückwunsch, Emre!' },
      {
        author: 'fatma.yilmaz',
        hoursAgo: 73,
        body: 'Toll! Genau solche Geschichten wünschen wir uns für den Azubi-Blog – magst du einen kurzen Beitrag schreiben?',
        replies: [{ author: 'emre.demir', hoursAgo: 72, body: 'Sehr gerne!' }],
      },
    ],
  },
  {
    author: 'david.okafor',
    hoursAgo: 90,
    body: "Shipping update: the strike in Rotterdam is delaying two containers with housings. We've rerouted via Antwerp; expect 3–4 days of delay. I'll post again when they're cleared.",
  },
  {
    author: 'katharina.mueller',
    hoursAgo: 96,
    body: 'Kantine diese Woche: Montag Linsensuppe, Dienstag Schnitzel (auch vegan), Mittwoch Pasta-Tag, Donnerstag Curry, Freitag Fisch. Guten Appetit!',
  },
  {
    author: 'priya.natarajan',
    hoursAgo: 110,
    body: 'Does anyone have a good German course recommendation for intermediate learners? My B1 is stuck at „Können Sie das bitte wiederholen?“ 😄',
    replies: [
      {
        author: 'julia.wagner',
        hoursAgo: 108,
        body: 'Die VHS bietet abends B2-Kurse an, und Musterwerk übernimmt die Hälfte der Kosten.',
      },
      {
        author: 'jonas.weber',
        hoursAgo: 105,
        body: 'Tandem? Ich helfe dir mit Deutsch, du mir mit pandas 😉',
        replies: [{ author: 'priya.natarajan', hoursAgo: 104, body: 'Deal!' }],
      },
    ],
  },
  {
    author: 'sven.lindqvist',
    hoursAgo: 120,
    body: 'Quartalszahlen Werk Nord: Liefertreue 96 %, Ausschuss um 0,4 Prozentpunkte gesenkt. Das ist euer Verdienst – danke an alle Teams.',
  },
  {
    author: 'mara.keller',
    hoursAgo: 140,
    body: 'Kleiner Tipp für alle, die viel in Calls sind: Mit Strg+Umschalt+M schaltet ihr in Teams das Mikrofon stumm. Hat mir heute den Tag gerettet.',
  },
  {
    author: 'tobias.becker',
    hoursAgo: 150,
    body: 'Erste-Hilfe-Kurs am 22.: noch 4 Plätze frei. Anmeldung über das Schulungsportal.',
  },
  {
    author: 'lukas.hoffmann',
    hoursAgo: 165,
    body: 'Wer hat meinen roten Messschieber gesehen? Zuletzt an Station 4. Finderlohn: ein Kaffee ☕',
    replies: [{ author: 'emre.demir', hoursAgo: 163, body: 'Liegt in der Werkzeugausgabe!' }],
  },
  {
    author: 'sofia.rossi',
    hoursAgo: 180,
    body: "Looking for volunteers to test the new product configurator before launch. 30 minutes, remote, and you'll get to break things on purpose.",
    replies: [{ author: 'anna.schmidt', hoursAgo: 178, body: 'Ich bin dabei – kaputt machen kann ich gut.' }],
  },
  {
    author: 'fatma.yilmaz',
    hoursAgo: 200,
    body: 'Herzlich willkommen an unsere neuen Kolleginnen und Kollegen! Euren Onboarding-Plan findet ihr im Personalportal. Sagt gerne hier kurz Hallo.',
  },
  {
    author: 'jonas.weber',
    hoursAgo: 215,
    body: 'TIL: Our wiki search understands quotes for exact phrases. "Reisekostenrichtlinie 2026" finds the right document on the first hit.',
  },
  {
    author: 'julia.wagner',
    hoursAgo: 230,
    body: 'Die Ergebnisse der Mitarbeiterbefragung sind da. Danke an alle 1.214 Kolleg:innen, die mitgemacht haben – das ist eine Rekordbeteiligung.',
  },
  {
    author: 'david.okafor',
    hoursAgo: 245,
    body: 'Thank you, Anna and the purchasing team, for finding a second supplier for the gaskets within a week. That saved us a line stop.',
    replies: [
      {
        author: 'anna.schmidt',
        hoursAgo: 243,
        body: 'Gern geschehen – das war echte Teamarbeit mit der Qualitätssicherung.',
      },
    ],
  },
  {
    author: 'wei.chen',
    hoursAgo: 260,
    body: 'Paper accepted! Our work on adhesive curing at low temperatures will be presented at the conference in Aachen in May.',
  },
  {
    author: 'katharina.mueller',
    hoursAgo: 280,
    body: 'Für den Tag der offenen Tür am 9. Mai suchen wir Helfer:innen für Werksführungen. Als Dankeschön gibt es ein Musterwerk-Shirt und ewigen Ruhm.',
  },
  {
    author: 'tobias.becker',
    hoursAgo: 300,
    body: 'Monatsstatistik Arbeitssicherheit: 31 Tage ohne meldepflichtigen Unfall. Bitte weiter so – und meldet Beinahe-Unfälle, auch kleine.',
  },
  {
    author: 'sven.lindqvist',
    hoursAgo: 320,
    body: 'Welcome to our visitors from the Shanghai plant this week! If you see them in the hall, say hi – 你好 works too.',
  },
  {
    author: 'emre.demir',
    hoursAgo: 340,
    body: 'Frage an die Runde: Kann man das Dienstrad auch als Azubi beantragen?',
    replies: [
      {
        author: 'fatma.yilmaz',
        hoursAgo: 338,
        body: 'Ja, ab dem zweiten Ausbildungsjahr. Ich schicke dir den Link.',
      },
    ],
  },
  {
    author: 'mara.keller',
    hoursAgo: 360,
    body: '#WOL Woche 1: Heute startet mein erster Working-Out-Loud-Circle. Ziel: lernen, wie andere Werke die Urlaubsplanung organisieren. Wer hat Lust, sich auszutauschen?',
    replies: [
      {
        author: 'priya.natarajan',
        hoursAgo: 355,
        body: 'Count me in – our team in Pune has an interesting approach.',
      },
    ],
  },
  {
    author: 'anna.schmidt',
    hoursAgo: 380,
    body: 'Erinnerung: Bestellungen für Büromaterial bitte bis Mittwoch 12 Uhr, sonst rutschen sie in die nächste Woche.',
  },
  {
    author: 'priya.natarajan',
    hoursAgo: 400,
    body: 'Brown bag session on Thursday: “Statistics for people who hate statistics”. Bring lunch, leave with p-values.',
  },
  {
    author: 'jonas.weber',
    hoursAgo: 430,
    body: 'Achtung Phishing: Bitte klickt nicht auf Mails mit dem Betreff „Ihr Postfach ist voll“. Die IT fragt euch nie per Mail nach eurem Passwort.',
    replies: [
      {
        author: 'tobias.becker',
        hoursAgo: 429,
        body: 'Danke für die Warnung – hab gleich zwei davon gemeldet.',
      },
    ],
  },
  {
    author: 'david.okafor',
    hoursAgo: 460,
    body: 'The new forklift booking tool is live. You can now reserve a forklift for the loading dock up to a week in advance.',
  },
  {
    author: 'julia.wagner',
    hoursAgo: 500,
    body: 'Sprechstunde des Betriebsrats: jeden Dienstag 10–12 Uhr, Gebäude B, Raum 1.14. Ohne Anmeldung.',
  },
  {
    author: 'lukas.hoffmann',
    hoursAgo: 540,
    body: 'Am Montag startet die neue Linie 5. Danke an alle, die am Wochenende beim Umbau geholfen haben!',
  },
];

const FIRST_POST_ID = 1001;

/**
 * Flattens the threads into posts with ids in creation order.
 * @param {Date} now
 * @returns {SeedPost[]}
 */
export function seedPosts(now) {
  // Whole minutes, because a real post never carries the start-up's milliseconds.
  const minuteNow = Math.floor(now.getTime() / 60_000) * 60_000;
  /** @type {{ thread: SeedThread, parent: SeedThread | null, createdAt: number }[]} */
  const flat = [];
  /** @param {SeedThread[]} threads @param {SeedThread | null} parent */
  const collect = (threads, parent) => {
    for (const thread of threads) {
      flat.push({ thread, parent, createdAt: minuteNow - Math.round(thread.hoursAgo * 60) * 60_000 });
      collect(thread.replies ?? [], thread);
    }
  };
  collect(THREADS, null);
  flat.sort((a, b) => a.createdAt - b.createdAt);

  /** @type {Map<SeedThread, string>} */
  const ids = new Map();
  return flat.map(({ thread, parent, createdAt }, index) => {
    const id = String(FIRST_POST_ID + index);
    ids.set(thread, id);
    return {
      id,
      authorId: thread.author,
      createdAt: new Date(createdAt).toISOString(),
      body: thread.body,
      // Parents are older than their replies, so their id is already assigned.
      parentId: parent ? (ids.get(parent) ?? null) : null,
    };
  });
}
