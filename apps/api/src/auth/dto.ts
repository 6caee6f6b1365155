import { SessionView, SignInRequest } from '@textbank/contracts';
import { createZodDto } from 'nestjs-zod';

export class SignInDto extends createZodDto(SignInRequest) {}
export class SessionViewDto extends createZodDto(SessionView) {}
