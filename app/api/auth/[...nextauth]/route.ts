import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { api } from "@/lib/log";

const handler = NextAuth(authOptions);
export const GET = api(handler);
export const POST = api(handler);
