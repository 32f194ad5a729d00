/** Shared by the evidence crash test and its writer (the writer module runs on import). */
export const CRASH_AGENCY_ID = 1;
