// Identity: who is asking and the authorisation rules (access), whose record a question is about (subject), user accounts, passwords and API keys, learners, the operator's audit trail.
export * from './access.ts';
export * from './identity.ts';
export * from './learners.ts';
export * from './subject.ts';
export * from './account-codes.ts';
export * from './operator-audit.ts';
