/** Typed application errors: a stable code for programs and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`, 404);
export const forbidden = (message = '没有执行该操作的权限') => new AppError('FORBIDDEN', message, 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录', 401);
export const conflict = (message: string) => new AppError('CONFLICT', message, 409);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, 400, details);
