import { Module } from '@nestjs/common';

/** The notifications context's HTTP side (controllers and services used by the api). */
@Module({})
export class NotificationsModule {}
