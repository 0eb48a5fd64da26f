import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RouteTable } from './route-table';

/** The route table (every route with what it requires); the guards are registered by the app module, in order. */
@Module({
  imports: [DiscoveryModule],
  providers: [RouteTable],
  exports: [RouteTable],
})
export class AccessModule {}
