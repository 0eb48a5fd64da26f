import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@flexdesk/shared-contracts';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Strict input validation: unknown properties are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', {}, { errors: flatten(errors) }),
  });
}

export function invalid(errors: FieldError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', {}, { errors });
}

export function validationError(path: string, message: string): DomainError {
  return invalid([{ path, message }]);
}
