import { Module } from '@nestjs/common';
import { StringsController } from './strings.controller.js';
import { StringsService } from './strings.service.js';
import { StringsTrendService } from './strings-trend.service.js';

@Module({ controllers: [StringsController], providers: [StringsService, StringsTrendService] })
export class StringsModule {}
