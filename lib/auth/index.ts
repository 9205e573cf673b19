export { authOptions, GUEST_COOKIE } from "./options";
export { getActor, getInstructor, getSessionUserId, currentGuestId, claimGuest, type Actor } from "./actor";
export { signUp, authenticate, hashGuestToken, newGuestToken, findGuestByToken } from "./users";
export { signUpSchema, signInSchema, signUpErrorCode, ROLES, type Role, type SignUpInput } from "./schemas";
export { hashPassword, verifyPassword } from "./password";
