import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * A list of nested DTOs. `@ValidateNested({ each: true })` alone lets an inner array through
 * unvalidated (`openingHours: [[]]` reached the service as an hours entry without times, a 500
 * the fuzz suite found), so every element must also be an object.
 */
export function NestedList(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
