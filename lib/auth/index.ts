export { authOptions, GUEST_COOKIE } from "./options";
export { getActor, getSessionUserId, currentGuestId, type Actor } from "./actor";
export { signUp, authenticate, mergeGuestInto, hashGuestToken, newGuestToken } from "./users";
export { signUpSchema, signInSchema, ROLES, type Role, type SignUpInput } from "./schemas";
export { hashPassword, verifyPassword } from "./password";
