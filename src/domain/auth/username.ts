/** A user name: 3–50 letters, digits, underscores, dots or hyphens (the server checks it; the users page says so first). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,50}$/;
export const USERNAME_RULE = '3–50 位字母、数字、下划线、点或连字符';
