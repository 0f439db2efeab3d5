package io.stratum.core.addressbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.stratum.core.api.ApiException;

/**
 * The fields of an entry as written by an administrator or read from the directory, before it
 * is stored. {@link #validated()} trims the text and refuses what cannot be stored.
 */
public record EntryDraft(String name, String position, String department, String company, String email, List<String> phones,
        String avatarFileId) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    private static final Pattern PHONE = Pattern.compile("[+0-9()\\-. /#*a-zA-Z]{1,40}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_PHONES = 10;

    /**
     * A copy with text trimmed, the e-mail lower-cased (null when blank) and empty phones dropped.
     * Fails with 400 {@code invalid_field} (detail {@code field}) naming the first wrong field.
     */
    public EntryDraft validated() {
        String cleanName = text("name", name);
        if (cleanName.isEmpty()) {
            throw invalid("name", "the name must not be empty");
        }
        String cleanEmail = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            throw invalid("email", "the e-mail must be an address such as name@corp.example");
        }
        List<String> cleanPhones = new ArrayList<>();
        for (String phone : phones == null ? List.<String>of() : phones) {
            if (phone == null || phone.isBlank()) {
                continue;
            }
            if (!PHONE.matcher(phone.strip()).matches()) {
                throw invalid("phones", "a phone number may hold digits, +, spaces, dashes, dots and brackets (up to 40 characters)");
            }
            cleanPhones.add(phone.strip());
        }
        if (cleanPhones.size() > MAX_PHONES) {
            throw invalid("phones", "at most " + MAX_PHONES + " phone numbers");
        }
        String avatar = avatarFileId == null || avatarFileId.isBlank() ? null : text("avatar_file_id", avatarFileId);
        return new EntryDraft(cleanName, text("position", position), text("department", department), text("company", company),
                cleanEmail, List.copyOf(cleanPhones), avatar);
    }

    /** Everything a search may match, lower-cased; phones also without separators so "+7 495" finds "+7495". */
    String searchText() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {name, position, department, company, email}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        for (String phone : phones) {
            text.append(phone).append('\n').append(phone.replaceAll("[^+0-9]", "")).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String text(String field, String value) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > MAX_TEXT) {
            throw invalid(field, "at most " + MAX_TEXT + " characters");
        }
        return clean;
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_field", message, Map.of("field", field));
    }
}
