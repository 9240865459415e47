import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api/client';
import { App } from './app/App';

initTransport();
createRoot(document.getElementById('root')!).render(<App />);
