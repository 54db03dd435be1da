// Sharing: consent links that show one credential to someone until they expire or are withdrawn.
export * from './sharing.ts';
