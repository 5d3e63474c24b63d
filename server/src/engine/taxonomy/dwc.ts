// The Division of Workers' Compensation's own vocabulary for IMR decisions, as its public decision
// search and annual IMR reports count them: the twelve Request Categories with their
// SubCategories, the pharmaceutical drug classes, and the reviewer specialties. Users compare their
// figures with the state's, so the names are the DWC's, spelled as the DWC spells them.

export const REQUEST_CATEGORIES = [
  'Diagnostic Testing',
  'DMEPOS',
  'Evaluation & Management',
  'Home Health',
  'Injection',
  'Pharmaceuticals',
  'Programs',
  'Psych Services',
  'Rehabilitation',
  'Surgery',
  'Therapies',
  'Transportation',
] as const;

export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/**
 * Each category's SubCategories. `Imaging` is ours: the DWC counts imaging among its Other
 * Diagnostic Tests, and a user who compares adds the two.
 */
export const SUBCATEGORIES: Readonly<Record<RequestCategory, readonly string[]>> = {
  'Diagnostic Testing': ['EMG/NCV/NCS', 'Imaging', 'Lab & Pathology', 'Other Diagnostic Tests'],
  DMEPOS: ['DME', 'Electrical Stimulation', 'Prosthetics/Orthotics', 'Supplies'],
  'Evaluation & Management': ['Dental Services', 'Medical Specialties'],
  'Home Health': ['Home Health'],
  Injection: ['Facet Injection', 'Injection'],
  Pharmaceuticals: [],
  Programs: ['Programs'],
  'Psych Services': ['Evaluation & Management', 'Therapies'],
  Rehabilitation: ['Acupuncture', 'Chiropractic', 'Other Therapies', 'Physical Therapy/Occupational Therapy (PT/OT)'],
  Surgery: [
    'Adjunct Surgical Services',
    'Arthroscopic Surgery',
    'Non-arthroscopic Surgery',
    'Spine',
    'Surgical Consult',
  ],
  Therapies: ['Other Therapies', 'Therapies'],
  Transportation: ['Transportation'],
};

export const DRUG_CLASSES = [
  'Adrenal Cortical Steroids',
  'Alpha-blocker',
  'Androgens & Anabolic Steroids',
  'AntiAnxiety',
  'Anti-coagulant',
  'Antidepressant',
  'Antidiabetics',
  'Antiemetic',
  'Anti-epilepsy drugs',
  'Antihistamine',
  'Antihypertensive',
  'Anti-infectives',
  'Antimigraine Agent',
  'Asthma Medications',
  'Atypical Antipsychotic',
  'Barbiturates',
  'Benzodiazepines',
  'Beta-blocker',
  'Bisphosphonates',
  'Calcium Channel Blocker',
  'Cannabinoids',
  'Dopamine agonists',
  'Fibric Acid',
  'GI Agents',
  'H2 Blocker',
  'Hormones',
  'Impotence Agents',
  'Injection',
  'Misc Analgesics',
  'Muscle Relaxant',
  'NSAID',
  'Nutritional Products',
  'Opioids',
  'Opioid Antagonist',
  'Proton Pump Inhibitors',
  'Sedative-hypnotics',
  'Statin',
  'Stimulants',
  'Topical Analgesics',
  'Topical Compounds',
  'Tumor necrosis factor (TNF) modified',
  'Viscosupplementation',
] as const;

export type DrugClass = (typeof DRUG_CLASSES)[number];

/** What a name the table does not know is counted as: its category's, or its drug class's, "other". */
export const OTHER = 'Other';

export const REVIEWER_SPECIALTIES = [
  'Addiction Psychiatry',
  'Allergy and Immunology',
  'Anesthesiology',
  'Cardiovascular Disease',
  'Child and Adolescent Psychiatry',
  'Chiropractic',
  'Colon and Rectal Surgery',
  'Critical Care Medicine',
  'Dentist',
  'Dermatology',
  'Diagnostic Radiology',
  'Emergency Medicine',
  'Family Practice',
  'Gastroenterology',
  'General Vascular Surgery',
  'Geriatric Medicine',
  'Hand Surgery',
  'Hospice & Palliative Medicine',
  'Infectious Disease',
  'Internal Medicine',
  'Interventional Cardiology',
  'Medical Oncology',
  'Medical Toxicology',
  'Nephrology',
  'Neurological Surgery',
  'Neurology',
  'Neuromuscular Medicine',
  'Neuroradiology',
  'Occupational Medicine',
  'Oncology',
  'Ophthalmology',
  'Optometry',
  'Oriental Medicine',
  'Orthopedic Surgery',
  'Otolaryngology',
  'Pain Management',
  'Pediatrics',
  'Physical Medicine & Rehabilitation',
  'Plastic Surgery',
  'Podiatric Surgery',
  'Podiatrist',
  'Preventive Medicine',
  'Psychiatry',
  'Psychologist',
  'Psychology',
  'Public Health & General Preventive Medicine',
  'Pulmonary Disease',
  'Radiology',
  'Registered Nurse',
  'Rheumatology',
  'Sleep Medicine',
  'Sports Medicine',
  'Surgery',
  'Surgical Critical Care',
  'Thoracic Surgery',
  'Urology',
] as const;

/** A specialty's name compared without case, punctuation or `and` for `&`. */
function specialtyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const SPECIALTY_BY_KEY: ReadonlyMap<string, string> = new Map(REVIEWER_SPECIALTIES.map((s) => [specialtyKey(s), s]));

/**
 * A reviewer's specialty as the DWC's search names it (`Physical Medicine and Rehabilitation` is
 * `Physical Medicine & Rehabilitation`); one the search does not list, as the letter writes it.
 */
export function dwcSpecialty(name: string): string {
  return SPECIALTY_BY_KEY.get(specialtyKey(name)) ?? name;
}
