-- AlterEnum
ALTER TYPE "PaymentMethod" ADD VALUE 'DOOR';
