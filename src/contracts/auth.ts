import { z } from 'zod';
import { DATA_SCOPES, ROLES } from './permissions.js';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(40),
  password: z.string().min(1, '请输入密码').max(200),
  /**
   * API clients: `true` returns the session token in the body, to send as `Authorization: Bearer`,
   * and sets no cookie. Browsers leave it out: they get HttpOnly cookies and never see the token.
   */
  bearer: z.boolean().optional(),
});

/** The password rule as shown to people (forms, import template); the server also refuses common passwords. */
export const PASSWORD_RULE_TEXT = '至少8位，须同时包含字母和数字，至少5种不同字符，且不能是常见密码（如 admin123、password1）';
export const PASSWORD_MIN_DISTINCT = 5;

export const passwordRule = z
  .string()
  .min(8, '密码至少8位')
  .max(100, '密码过长')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/[0-9]/, '密码须包含数字')
  .refine((v) => new Set(v).size >= PASSWORD_MIN_DISTINCT, `密码至少包含${PASSWORD_MIN_DISTINCT}种不同字符`);

export const changePasswordInput = z.object({
  oldPassword: z.string().min(1).max(200),
  newPassword: passwordRule,
});

export const me = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scope: z.enum(DATA_SCOPES),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginResult = z.object({
  user: me,
  /** Cookie clients: send as the `x-csrf-token` header on writes. */
  csrfToken: z.string().optional(),
  /** Only when asked for (`bearer: true`): send as `Authorization: Bearer <token>`. */
  token: z.string().optional(),
});
