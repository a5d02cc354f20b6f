import { z } from 'zod';

// MV3 forbids eval; zod 4's JIT uses `new Function` unless told not to.
z.config({ jitless: true });

export { z };
