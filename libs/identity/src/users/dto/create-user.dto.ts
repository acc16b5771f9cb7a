import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { StaffRole, STAFF_ROLES } from '../../authz/roles';
import { RegisterDto } from '../../auth/dto/register.dto';

/** A staff account, created by an admin. Family accounts register themselves. */
export class CreateUserDto extends RegisterDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;
}
