-- Email addresses held by customers, for the uniqueness check of the command side. The
-- address is stored normalized (trimmed, lower-case); the primary key is what makes two
-- customers unable to hold one address, even when their commands race.

CREATE TABLE CustomerEmail (
    email      VARCHAR(320) NOT NULL PRIMARY KEY,
    customerId VARCHAR(255) NOT NULL
);
