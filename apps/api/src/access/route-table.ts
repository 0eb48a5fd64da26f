import { Injectable, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { API_PREFIX, type Permission, SCIM_PREFIX } from '@flexdesk/shared-contracts';
import { IS_PUBLIC, REQUIRED_PERMISSION, SCIM_TOKEN } from './permission.decorator';

export interface RouteAccess {
  method: string;
  /** Express-style path with the API prefix, e.g. `/api/floors/:id/layout/draft`. */
  path: string;
  /** `public`, `scim` (the provisioning client's token), or the permission the route declares. */
  access: Permission | 'public' | 'scim';
  handler: string;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every route of the API with what it requires, read from the controllers' metadata. The app
 * refuses to start while a route declares neither a permission nor `@Public()`, so a new route
 * cannot slip through unguarded; the route x role test walks this same table.
 */
@Injectable()
export class RouteTable implements OnModuleInit {
  private table: RouteAccess[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const routes: RouteAccess[] = [];
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prefixes = [this.reflector.get<string | string[]>(PATH_METADATA, wrapper.metatype) ?? ''].flat();
      const proto = Object.getPrototypeOf(instance);
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as () => unknown;
        const methodPaths = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (methodPaths === undefined || method === undefined) continue;
        const targets = [handler, wrapper.metatype];
        const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
        const isScim = this.reflector.getAllAndOverride<boolean>(SCIM_TOKEN, targets);
        const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
        for (const prefix of prefixes) {
          for (const sub of [methodPaths].flat()) {
            const route: RouteAccess = {
              method: RequestMethod[method],
              // SCIM lives outside /api, where provisioning clients expect it (see app.factory.ts).
              path: prefix.startsWith(SCIM_PREFIX) ? joinPath(prefix, sub) : joinPath(API_PREFIX, prefix, sub),
              access: isPublic ? 'public' : isScim ? 'scim' : (permission as Permission),
              handler: `${wrapper.metatype.name}.${name}`,
            };
            if (!isPublic && !isScim && !permission)
              undeclared.push(`${route.method} ${route.path} (${route.handler})`);
            routes.push(route);
          }
        }
      }
    }
    if (undeclared.length) {
      throw new Error(`routes without @RequirePermission() or @Public(): ${undeclared.join(', ')}`);
    }
    this.table = routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  routes(): readonly RouteAccess[] {
    return this.table;
  }
}
