// Institutions: the operator's registry of institutions, their accreditation and their course catalogues.
export * from './catalogue.ts';
export * from './institutions.ts';
