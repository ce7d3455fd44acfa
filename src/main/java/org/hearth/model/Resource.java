package org.hearth.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.diag.Position;

/**
 * A support or crisis resource from {@code content/data/resources.yml}.
 *
 * @param region where it serves
 * @param name its name
 * @param nameLang the language tag of its name when that differs from the file's ({@code name_lang:
 *     en} for an English service name in the Spanish list), else empty; pages mark the name with it
 *     so a screen reader pronounces it in that language
 * @param contact how to reach it
 * @param url its web address
 * @param verified when the entry was last checked
 * @param position where it is defined
 */
public record Resource(String region, String name, String nameLang, String contact, String url, LocalDate verified, Position position) {

    /** A phone number in running text: "988", "116 123", "+44 20 7946 0000"; not part of a longer word or number. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d(?:[ -]?\\d){2,14}(?![\\w])");
    /** "text START to 88788": a number that only takes text messages, with the word to send. */
    private static final Pattern TEXT_TO = Pattern.compile("(?i)\\btext\\s+(\\w+)\\s+to\\s+$");
    /** The same in Spanish: "envía la palabra AYUDA por mensaje de texto al 988". */
    private static final Pattern TEXT_TO_ES = Pattern.compile(
            "\\b(?:[Ee]nv[ií]a|[Mm]anda|[Ee]scribe)\\s+(?:la\\s+palabra\\s+)?(\\w+)\\s+(?:por|en)\\s+(?:un\\s+)?(?:mensaje\\s+de\\s+texto|SMS)\\s+al?\\s+$");
    /** A number reached only through WhatsApp ("por WhatsApp al 600 000 016"): dialling it would ring no one. */
    private static final Pattern WHATSAPP = Pattern.compile("(?i)\\bwhatsapp\\s+(?:al?|to|on)?\\s*$");

    /**
     * The contact text cut into plain runs and phone numbers, so the site can make each number a
     * tap-to-call link while the PDF prints the text as it is.
     */
    public List<ContactPart> contactParts() {
        List<ContactPart> parts = new ArrayList<>();
        Matcher m = PHONE.matcher(contact);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new ContactPart(contact.substring(at, m.start()), ""));
            }
            String digits = m.group().replaceAll("[ -]", "");
            String before = contact.substring(at, m.start());
            Matcher text = TEXT_TO.matcher(before);
            Matcher textEs = TEXT_TO_ES.matcher(before);
            // A short code that takes texts must open the messages app, not dial a number that answers nothing.
            if (WHATSAPP.matcher(before).find()) {
                parts.add(new ContactPart(m.group(), ""));
            } else if (text.find()) {
                parts.add(new ContactPart(m.group(), "sms:" + digits + "?&body=" + text.group(1)));
            } else if (textEs.find()) {
                parts.add(new ContactPart(m.group(), "sms:" + digits + "?&body=" + textEs.group(1)));
            } else {
                parts.add(new ContactPart(m.group(), "tel:" + digits));
            }
            at = m.end();
        }
        if (at < contact.length()) {
            parts.add(new ContactPart(contact.substring(at), ""));
        }
        return parts;
    }

    /**
     * A run of a resource's contact text.
     *
     * @param text the text as written
     * @param href a {@code tel:} address when the run is a phone number, {@code sms:} when it is a
     *     number to text a word to, else empty
     */
    public record ContactPart(String text, String href) {
    }
}
