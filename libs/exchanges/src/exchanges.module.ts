import { Module } from '@nestjs/common';

/** The exchanges context's HTTP side (controllers and services used by the api). */
@Module({})
export class ExchangesModule {}
