package io.mms.command.customer;

import io.mms.command.customer.UpdateCustomerProfile.Attribute;
import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;

import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;

/** The descriptive part of a customer, as one value so that "did anything change" is an equality. */
record Profile(String name, String phone, String locale, Map<String, String> attributes) {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{3,30}$");

    Profile {
        attributes = Map.copyOf(attributes);
    }

    static Profile named(String name) {
        return new Profile(name, null, null, Map.of());
    }

    /** This profile with the update applied; refuses the whole update if any part is invalid. */
    Profile updatedBy(UpdateCustomerProfile update) {
        String newName = update.name() == null ? name : Check.notBlank(update.name(), "name");
        String newPhone = update.phone() == null ? phone : phoneOrNull(update.phone());
        String newLocale = update.locale() == null ? locale : localeOrNull(update.locale());
        return new Profile(newName, newPhone, newLocale, attributesAfter(update.attributes()));
    }

    /** The attributes sorted by key, so that events list them in a stable order. */
    Map<String, String> sortedAttributes() {
        return new TreeMap<>(attributes);
    }

    private Map<String, String> attributesAfter(List<Attribute> changes) {
        Map<String, String> result = new TreeMap<>(attributes);
        Set<String> seen = new HashSet<>();
        for (Attribute change : changes == null ? List.<Attribute>of() : changes) {
            String key = Check.notBlank(change.key(), "attribute key");
            if (!seen.add(key)) {
                throw new CommandRejected(VALIDATION, "attribute '" + key + "' is given more than once");
            }
            if (change.value() == null || change.value().isBlank()) {
                result.remove(key);
            } else {
                result.put(key, change.value().strip());
            }
        }
        return result;
    }

    private static String phoneOrNull(String phone) {
        if (phone.isBlank()) {
            return null;
        }
        String stripped = phone.strip();
        if (!PHONE.matcher(stripped).matches()) {
            throw new CommandRejected(VALIDATION, "phone is not a phone number");
        }
        return stripped;
    }

    private static String localeOrNull(String locale) {
        if (locale.isBlank()) {
            return null;
        }
        try {
            String tag = new Locale.Builder().setLanguageTag(locale.strip()).build().toLanguageTag();
            if (tag.equals("und")) {
                throw new IllformedLocaleException();
            }
            return tag;
        } catch (IllformedLocaleException malformed) {
            throw new CommandRejected(VALIDATION, "locale '" + locale.strip() + "' is not a BCP 47 language tag");
        }
    }
}
