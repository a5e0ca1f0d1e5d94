-- Campaign delivery pages through all customers by id, using the email claims as the list.
CREATE INDEX CustomerEmail_customerId ON CustomerEmail (customerId);
