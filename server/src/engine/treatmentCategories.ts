// A disputed item's treatment category, for reports that count overturn rates by kind of
// treatment (as the Division of Workers' Compensation's annual IMR report does). The rules are a
// table, read top to bottom; the first row whose words the item's name contains gives the category
// and subcategory. docs/treatment-categories.md explains the table and its order; a test reads
// that page's rows against this table (test/unit/treatmentCategories.test.ts).
//
// Why this order: an item often names more than one kind of thing, and the row it belongs to is
// the most specific one. `Lumbar epidural steroid injection with pain interventionist consult` is
// an injection, not a consultation; `Retrospective injection 5cc of lidocaine` an injection, not a
// drug; `Physical therapy evaluation` physical therapy; `Spine surgery evaluation` a consultation,
// not surgery; a drug in cream (`Ketoprofen 20% in cream base`) a topical before an NSAID.

/** A category (the table's top level) and, where a row names one, its subcategory. */
export interface TreatmentCategory {
  readonly category: string;
  readonly subcategory: string | null;
}

/** An item's category, and the drug and quantity where the item names them (pharmaceuticals only). */
export interface Treatment extends TreatmentCategory {
  /** The drug as the item writes it, up to its strength, form or quantity: `Xanax`, `Orphenadrine Citrate ER`. */
  readonly drug: string | null;
  /** The count after `#` or `QTY:` (`Xanax 0.5mg #90` gives `90`), the first one written. */
  readonly quantity: string | null;
}

export const OTHER = 'Other';
export const PHARMACEUTICALS = 'Pharmaceuticals';

export interface CategoryRow {
  readonly category: string;
  readonly subcategory: string | null;
  /**
   * Words or phrases (lower case; whole words, `*` for any word ending; `-`, `/` and `#` part words
   * as spaces do) any one of which puts an item in the row.
   */
  readonly words: readonly string[];
}

/** The table, in the order it is read (see the comment at the top). */
export const TREATMENT_CATEGORIES: readonly CategoryRow[] = [
  // Programs first: a program's name often names therapies (`functional restoration program`).
  {
    category: 'Programs',
    subcategory: 'Functional restoration',
    words: ['functional restoration', 'frp', 'chronic pain program', 'pain management program', 'help program'],
  },
  { category: 'Programs', subcategory: 'Work hardening', words: ['work hardening', 'work conditioning'] },
  { category: 'Programs', subcategory: 'Detoxification', words: ['detox*', 'weaning program'] },
  { category: 'Programs', subcategory: 'Weight loss', words: ['weight loss program', 'weight loss'] },
  {
    category: 'Programs',
    subcategory: null,
    words: [
      'partial hospitalization',
      'day treatment',
      'multidisciplinary',
      'interdisciplinary',
      'rehabilitation program',
    ],
  },
  // Psychological services before consultations and evaluations: `psychological evaluation`.
  {
    category: 'Psychological services',
    subcategory: 'Psychiatric care',
    words: ['psychiatr*', 'psychotropic*'],
  },
  {
    category: 'Psychological services',
    subcategory: 'Psychotherapy',
    words: ['psychotherap*', 'cognitive behavioral', 'cbt', 'counseling', 'biofeedback', 'hypnotherap*'],
  },
  { category: 'Psychological services', subcategory: 'Psychological testing', words: ['psychological testing'] },
  { category: 'Psychological services', subcategory: null, words: ['psycholog*', 'psych'] },
  // Injections before drugs (an injection names what is injected) and before consultations.
  {
    category: 'Injections',
    subcategory: 'Epidural steroid injections',
    words: ['epidural*', 'esi', 'transforaminal'],
  },
  {
    category: 'Injections',
    subcategory: 'Facet and nerve procedures',
    words: ['facet*', 'medial branch*', 'radiofrequency', 'rhizotomy', 'neurotomy', 'nerve block*', 'neurolytic'],
  },
  { category: 'Injections', subcategory: 'Trigger point injections', words: ['trigger point*'] },
  {
    category: 'Injections',
    subcategory: 'Joint injections',
    words: ['viscosupplement*', 'synvisc', 'hyaluronic', 'platelet-rich', 'platelet rich', 'prp', 'cortisone'],
  },
  { category: 'Injections', subcategory: null, words: ['injection*', 'inject*', 'block', 'botox'] },
  // Physical medicine before consultations: `physical therapy evaluation`.
  {
    category: 'Physical medicine',
    subcategory: 'Physical therapy',
    words: ['physical therap*', 'physiotherap*', 'pt', 'aquatic therap*', 'pool therap*', 'aqua therap*'],
  },
  { category: 'Physical medicine', subcategory: 'Occupational therapy', words: ['occupational therap*', 'ot'] },
  { category: 'Physical medicine', subcategory: 'Chiropractic', words: ['chiropract*', 'manipulation*'] },
  { category: 'Physical medicine', subcategory: 'Acupuncture', words: ['acupuncture', 'electroacupuncture'] },
  { category: 'Physical medicine', subcategory: 'Massage', words: ['massage*', 'myofascial release'] },
  {
    category: 'Physical medicine',
    subcategory: 'Functional capacity evaluation',
    words: ['functional capacity', 'fce'],
  },
  {
    category: 'Physical medicine',
    subcategory: 'Shockwave therapy',
    words: ['shockwave', 'shock wave', 'eswt'],
  },
  // Diagnostics.
  { category: 'Diagnostic imaging', subcategory: 'MRI', words: ['mri*', 'mra', 'magnetic resonance', 'arthrogram'] },
  { category: 'Diagnostic imaging', subcategory: 'CT', words: ['ct', 'ct scan', 'computed tomography', 'cat scan'] },
  {
    category: 'Diagnostic imaging',
    subcategory: 'X-rays',
    words: ['x-ray*', 'xray*', 'x ray*', 'radiograph*'],
  },
  { category: 'Diagnostic imaging', subcategory: 'Ultrasound', words: ['ultrasound*', 'sonogram', 'doppler'] },
  {
    category: 'Diagnostic imaging',
    subcategory: null,
    words: ['bone scan', 'dexa', 'imaging', 'scan', 'myelogram', 'discogram', 'pet'],
  },
  {
    category: 'Electrodiagnostic tests',
    subcategory: null,
    words: ['emg', 'ncv', 'ncs', 'nerve conduction', 'electromyograph*', 'electrodiagnostic'],
  },
  {
    category: 'Laboratory tests',
    subcategory: 'Drug screening',
    words: ['urine drug*', 'drug screen*', 'drug test*', 'uds', 'toxicology'],
  },
  {
    category: 'Laboratory tests',
    subcategory: null,
    words: ['lab', 'labs', 'laboratory', 'blood test*', 'cbc', 'panel', 'genetic', 'dna', 'serum', 'urinalysis'],
  },
  // Equipment and care at home.
  {
    category: 'Durable medical equipment',
    subcategory: 'Electrical stimulation units',
    words: ['tens', 'h-wave', 'interferential', 'muscle stimulator', 'electrical stimulat*', 'ems unit'],
  },
  {
    category: 'Durable medical equipment',
    subcategory: 'Braces and orthotics',
    words: ['brace*', 'orthotic*', 'orthosis', 'splint*', 'support', 'collar', 'insoles'],
  },
  {
    category: 'Durable medical equipment',
    subcategory: 'Hot and cold therapy',
    words: ['cold therapy', 'cryotherapy', 'heat wrap*', 'hot/cold', 'ice unit', 'vascutherm', 'game ready'],
  },
  {
    category: 'Durable medical equipment',
    subcategory: null,
    words: [
      'dme',
      'durable medical',
      'hospital bed',
      'wheelchair',
      'walker',
      'cane',
      'crutches',
      'scooter',
      'hearing aid*',
      'cpm',
      'continuous passive motion',
      'mattress',
      'pillow',
      'cushion',
      'shower chair',
      'commode',
      'traction',
      'bone stimulator',
      'bone growth stimulator',
      'home exercise kit',
      'exercise equipment',
      'gym membership',
      'unit',
    ],
  },
  {
    category: 'Home health',
    subcategory: null,
    words: [
      'home health',
      'home care',
      'home nursing',
      'rn',
      'nurse',
      'nursing',
      'aide',
      'caregiver',
      'attendant',
      'housekeeping',
      'home assistance',
      'in-home',
    ],
  },
  // A consultation of a surgeon is a consultation; after therapies, tests and injections that name theirs.
  {
    category: 'Office visits and consultations',
    subcategory: null,
    words: [
      'consult*',
      'evaluation',
      'eval',
      're-evaluation',
      'referral',
      'office visit*',
      'visit*',
      'follow-up',
      'follow up',
      'followup',
      'second opinion',
      'medication management',
      'pain management',
    ],
  },
  // Pharmaceuticals by the drug's name; a topical by its form first.
  {
    category: PHARMACEUTICALS,
    subcategory: 'Topicals',
    words: [
      'cream*',
      'gel',
      'ointment',
      'lotion',
      'patch*',
      'topical',
      'transdermal',
      'compound*',
      'lidoderm',
      'salonpas',
      'flector',
      'voltaren gel',
      'pennsaid',
      'terocin',
      'menthoderm',
      'biofreeze',
      'anecream',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Opioids',
    words: [
      'opioid*',
      'norco',
      'vicodin',
      'hydrocodone',
      'oxycodone',
      'oxycontin',
      'percocet',
      'roxicodone',
      'tramadol',
      'ultram',
      'ultracet',
      'nucynta',
      'tapentadol',
      'morphine',
      'ms contin',
      'kadian',
      'methadone',
      'fentanyl',
      'duragesic',
      'hydromorphone',
      'dilaudid',
      'oxymorphone',
      'opana',
      'codeine',
      'tylenol #3',
      'buprenorphine',
      'butrans',
      'suboxone',
      'belbuca',
      'synapryn',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Benzodiazepines',
    words: [
      'benzodiazepine*',
      'xanax',
      'alprazolam',
      'valium',
      'diazepam',
      'klonopin',
      'clonazepam',
      'ativan',
      'lorazepam',
      'restoril',
      'temazepam',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Muscle relaxants',
    words: [
      'muscle relaxant*',
      'flexeril',
      'cyclobenzaprine',
      'fexmid',
      'amrix',
      'soma',
      'carisoprodol',
      'skelaxin',
      'metaxalone',
      'robaxin',
      'methocarbamol',
      'zanaflex',
      'tizanidine',
      'baclofen',
      'orphenadrine',
      'norflex',
      'tabradol',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'NSAIDs',
    words: [
      'nsaid*',
      'anti-inflammator*',
      'ibuprofen',
      'motrin',
      'naproxen',
      'anaprox',
      'naprosyn',
      'celebrex',
      'celecoxib',
      'meloxicam',
      'mobic',
      'diclofenac',
      'voltaren',
      'etodolac',
      'nabumetone',
      'relafen',
      'ketoprofen',
      'ketorolac',
      'toradol',
      'indomethacin',
      'duexis',
      'vimovo',
      'ketophene',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Anticonvulsants',
    words: [
      'anticonvulsant*',
      'antiepileptic*',
      'gabapentin',
      'neurontin',
      'lyrica',
      'pregabalin',
      'topiramate',
      'topamax',
      'carbamazepine',
      'tegretol',
      'lamotrigine',
      'lamictal',
      'fanatrex',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Antidepressants',
    words: [
      'antidepressant*',
      'cymbalta',
      'duloxetine',
      'effexor',
      'venlafaxine',
      'amitriptyline',
      'elavil',
      'nortriptyline',
      'pamelor',
      'wellbutrin',
      'bupropion',
      'lexapro',
      'escitalopram',
      'celexa',
      'citalopram',
      'zoloft',
      'sertraline',
      'prozac',
      'fluoxetine',
      'paxil',
      'paroxetine',
      'trazodone',
      'desyrel',
      'remeron',
      'mirtazapine',
      'pristiq',
      'desvenlafaxine',
      'savella',
      'milnacipran',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Sleep aids',
    words: [
      'sleep aid*',
      'ambien',
      'zolpidem',
      'lunesta',
      'eszopiclone',
      'sonata',
      'zaleplon',
      'belsomra',
      'melatonin',
      'rozerem',
      'dicopanol',
      'diphenhydramine',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Gastrointestinal',
    words: [
      'omeprazole',
      'prilosec',
      'pantoprazole',
      'protonix',
      'esomeprazole',
      'nexium',
      'lansoprazole',
      'prevacid',
      'ranitidine',
      'zantac',
      'deprizine',
      'ondansetron',
      'zofran',
      'docusate',
      'colace',
      'senna',
      'senokot',
      'lactulose',
      'linzess',
      'amitiza',
      'movantik',
      'relistor',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Anxiolytics',
    words: ['buspar', 'buspirone', 'hydroxyzine', 'vistaril', 'atarax'],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: 'Medical foods',
    words: ['medical food*', 'sentra', 'theramine', 'gabadone', 'trepadone', 'appetrex'],
  },
  // Surgery after the drugs (`Post-operative Norco` is a drug) and before the words any drug may carry.
  {
    category: 'Surgery',
    subcategory: null,
    words: [
      'surgery',
      'surgical',
      'surgeon',
      'operative',
      'pre-op*',
      'post-op*',
      'preoperative',
      'postoperative',
      'arthroscop*',
      'arthroplasty',
      'fusion',
      'decompression',
      'discectomy',
      'laminectomy',
      'laminotomy',
      'foraminotomy',
      'microdiscectomy',
      'meniscectomy',
      'carpal tunnel release',
      'trigger finger release',
      'tendon release',
      'repair',
      'replacement',
      'reconstruction',
      'orif',
      'hardware removal',
      'neuroplasty',
      'implant*',
      'spinal cord stimulator',
      'debridement',
      'excision',
      'amputation',
    ],
  },
  {
    category: PHARMACEUTICALS,
    subcategory: null,
    words: [
      'medication*',
      'medicine*',
      'prescription*',
      'refill*',
      'tablet*',
      'tab',
      'tabs',
      'capsule*',
      'caps',
      'suspension',
      'solution',
      'spray',
      'acetaminophen',
      'tylenol',
      'provigil',
      'nuvigil',
      'cialis',
      'viagra',
      'lidocaine',
    ],
  },
];

/**
 * The table as lookups, built once. A name is made lower case with every run of characters other
 * than letters and digits one space (so `-`, `/` and `#` part words, as spaces do), and each of its
 * words is looked up: as a whole word, as the first word of a phrase, as the beginning of a word
 * (`inject*`, by its first three letters). A pattern per row took three times as long on the
 * letters' item names, and the workspace index categorizes every item of every letter.
 */
interface Lookup {
  /** A whole word, to the first row that has it. */
  readonly words: ReadonlyMap<string, number>;
  /** By their first word: ` phrase words ` and ` phrase beginning` (spaces at word edges), with their rows. */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
  /** By their first three letters: the beginnings of words, with their rows. */
  readonly beginnings: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
}

function normalized(s: string): string {
  return (
    ' ' +
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim() +
    ' '
  );
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const LOOKUP: Lookup = (() => {
  const words = new Map<string, number>();
  const phrases = new Map<string, Array<[string, number]>>();
  const beginnings = new Map<string, Array<[string, number]>>();
  TREATMENT_CATEGORIES.forEach((row, i) => {
    for (const w of row.words) {
      const open = w.endsWith('*');
      const n = normalized(open ? w.slice(0, -1) : w).trim();
      const space = n.indexOf(' ');
      if (space > 0) add(phrases, n.slice(0, space), [' ' + n + (open ? '' : ' '), i]);
      else if (open) add(beginnings, n.slice(0, 3), [n, i]);
      else if (!words.has(n)) words.set(n, i);
    }
  });
  return { words, phrases, beginnings };
})();

/** The first row any of whose words the name holds; -1 when none. */
function rowOf(name: string): number {
  const n = normalized(name);
  let best = Infinity;
  for (let from = 1; from < n.length;) {
    const end = n.indexOf(' ', from);
    const word = n.slice(from, end);
    const row = LOOKUP.words.get(word);
    if (row !== undefined && row < best) best = row;
    for (const [phrase, r] of LOOKUP.phrases.get(word) ?? NONE)
      if (r < best && n.startsWith(phrase, from - 1)) best = r;
    if (word.length >= 3)
      for (const [beginning, r] of LOOKUP.beginnings.get(word.slice(0, 3)) ?? NONE)
        if (r < best && word.startsWith(beginning)) best = r;
    from = end + 1;
  }
  return best === Infinity ? -1 : best;
}

const NONE: ReadonlyArray<readonly [string, number]> = [];

/** A strength (`0.5mg`, `10/325mg`, `5%`, `240g`): the name of a drug before it, on its own, is a pharmaceutical. */
const STRENGTH = /(?<![a-z])\d+(?:[.,/]\d+)*\s*(?:mg|mcg|g|gm|ml|%|percent|units?)(?![a-z])/i;
const QUANTITY = /(?:#\s*|\b(?:QTY|quantity)\s*[:#]?\s*)(\d+(?:\.\d+)?)/i;

/** The row of the table an item's name falls in; `Other` when none. */
export function treatmentCategoryOf(itemName: string): TreatmentCategory {
  const name = itemName.length > 400 ? itemName.slice(0, 400) : itemName;
  const i = rowOf(name);
  if (i >= 0) {
    const row = TREATMENT_CATEGORIES[i];
    return { category: row.category, subcategory: row.subcategory };
  }
  if (STRENGTH.test(name)) return { category: PHARMACEUTICALS, subcategory: null };
  return { category: OTHER, subcategory: null };
}

/** Words that begin an item's name before the drug: `Retrospective Cyclobenzaprine`, `Refill of Xanax`. */
const LEAD =
  /^(?:(?:retrospective|prospective|retro|request(?:ed)?|refill|prescription|one|a|an|the|of|for)\b[\s:,]*)+/i;
/** Where a drug's name ends: a digit, a bracket, a comma, a quantity, or a form or route word. */
const DRUG_END =
  /[\d(#,;:[]|\b(?:QTY|quantity|tabs?|tablets?|caps?|capsules?|cream|gel|ointment|lotion|patch(?:es)?|pads?|solution|suspension|spray|oral|topical|transdermal|in|for|with|x|was|unknown)\b/i;

/** The item's category, and for a pharmaceutical the drug and quantity it names. */
export function treatmentOf(itemName: string): Treatment {
  const { category, subcategory } = treatmentCategoryOf(itemName);
  if (category !== PHARMACEUTICALS) return { category, subcategory, drug: null, quantity: null };
  const name = itemName.length > 400 ? itemName.slice(0, 400) : itemName;
  const rest = name.replace(LEAD, '');
  const end = DRUG_END.exec(rest);
  const drug = (end ? rest.slice(0, end.index) : rest).trim().replace(/[\s-]+$/, '');
  const quantity = QUANTITY.exec(name);
  return {
    category,
    subcategory,
    drug: drug.length > 0 && drug.length <= 60 ? drug : null,
    quantity: quantity ? quantity[1] : null,
  };
}
