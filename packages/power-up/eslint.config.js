import { packageConfig } from '@contractbeheer/eslint-config';

export default packageConfig({ tsconfigRootDir: import.meta.dirname, project: ['./tsconfig.json'] });
