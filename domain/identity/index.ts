// Identity: who is asking and the authorisation rules (access), user accounts, passwords and API keys, learners.
export * from './access.ts';
export * from './identity.ts';
export * from './learners.ts';
