/**
 * The contract for assisted employment (辅助性就业) and rehabilitation plans (issue 5).
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 */
export {};
