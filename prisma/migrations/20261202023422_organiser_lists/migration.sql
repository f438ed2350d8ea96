-- CreateIndex
CREATE INDEX "Contact_organisationId_lastName_firstName_email_idx" ON "Contact"("organisationId", "lastName", "firstName", "email");

-- CreateIndex
CREATE INDEX "Order_eventId_createdAt_id_idx" ON "Order"("eventId", "createdAt", "id");
