export { authOptions, GUEST_COOKIE } from "./options";
export { getActor, getInstructor, getAdmin, getSessionUserId, currentGuestId, claimGuest, type Actor } from "./actor";
export { signUp, authenticate, hashGuestToken, newGuestToken, findGuestByToken } from "./users";
export { signUpSchema, signInSchema, signUpErrorCode, type SignUpInput } from "./schemas";
export { ROLES, ASSIGNABLE_ROLES, roleChangeSchema, canTeach, isAdmin, roleChangeRefusal, type Role, type AssignableRole } from "@/lib/roles";
export { hashPassword, verifyPassword } from "./password";
