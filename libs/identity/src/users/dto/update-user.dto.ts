import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { StaffRole, STAFF_ROLES } from '../../authz/roles';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Staff accounts only' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
