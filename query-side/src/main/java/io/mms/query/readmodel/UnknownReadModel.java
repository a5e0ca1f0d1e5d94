package io.mms.query.readmodel;

/** A read model name that MMS does not keep. */
class UnknownReadModel extends RuntimeException {

    UnknownReadModel(String name) {
        super("there is no read model named '" + name + "'");
    }
}
