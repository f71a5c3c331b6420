import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formatsFor } from "@/lib/i18n/formats";
import { LOCALE_COOKIE, chooseLocale } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";

// next-intl reads this for every server render: the language of this request and its messages.
export default getRequestConfig(async () => {
  const locale = chooseLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  // The app runs on the user's own machine: its clock's zone is theirs, on server and client alike.
  return {
    locale,
    messages: messagesFor(locale),
    formats: formatsFor(locale),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
});
