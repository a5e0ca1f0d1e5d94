package io.mms.command.customer;

import java.util.List;

/** Every customer MMS knows, listed in pages by id, for processes that reach all of them. */
public interface CustomerDirectory {

    /** Up to {@code limit} customer ids greater than {@code afterId}, in ascending order. */
    List<String> customerIdsAfter(String afterId, int limit);
}
