-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "paymentMethods" "PaymentMethod"[] DEFAULT ARRAY['STRIPE', 'OFFLINE', 'DOOR']::"PaymentMethod"[];
