package io.mms.query.readmodel;

import java.util.List;

/** A read model name that MMS does not keep; the message names the ones it does, so a typo is easy to mend. */
class UnknownReadModel extends RuntimeException {

    UnknownReadModel(String name, List<String> known) {
        super("there is no read model named '" + name + "'; the read models are " + String.join(", ", known));
    }
}
